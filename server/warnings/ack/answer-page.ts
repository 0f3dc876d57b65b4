import type { AnswerPage } from './recipient-service';
import { beijingTime as when } from './subjects';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);


/**
 * The script: sends 收到 / 已落实 (with the note and a photo scaled down in the browser to stay small on 3G)
 * to `<page>/answer`, then reloads to show the recorded state. A few lines, no framework.
 */
const SCRIPT = `
const f=document.getElementById('f'),m=document.getElementById('msg');
async function photo(){const i=document.getElementById('p');if(!i||!i.files[0])return null;const b=await createImageBitmap(i.files[0]);const s=Math.min(1,1600/Math.max(b.width,b.height));const c=document.createElement('canvas');c.width=Math.round(b.width*s);c.height=Math.round(b.height*s);c.getContext('2d').drawImage(b,0,0,c.width,c.height);return {mime:'image/jpeg',dataBase64:c.toDataURL('image/jpeg',0.8).split(',')[1]};}
async function send(answer){m.textContent='正在提交…';document.querySelectorAll('button').forEach(b=>b.disabled=true);
try{const body={answer,note:(document.getElementById('n')||{}).value||''};if(answer==='done'){const p=await photo();if(p)body.photo=p;}
const r=await fetch(location.pathname.replace(/\\/$/,'')+'/answer',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});
const j=await r.json();if(!j.ok)throw new Error(j.error&&j.error.message||r.status);location.reload();}
catch(e){m.textContent='提交失败，请重试或电话回复：'+e.message;document.querySelectorAll('button').forEach(b=>b.disabled=false);}}
document.getElementById('r')&&document.getElementById('r').addEventListener('click',()=>send('received'));
document.getElementById('d')&&document.getElementById('d').addEventListener('click',()=>send('done'));
`;

/** The no-login phone page behind a personal link: the warning (or plan task) and the big buttons. */
export function answerPageHtml(page: AnswerPage, nonce: string): string {
  const { subject, recipient } = page;
  const status =
    page.state === 'expired'
      ? '<p class="note">此链接已过期，无需再回复。</p>'
      : page.state === 'replaced'
        ? '<p class="note">此通知已更新、解除或不再需要，请以最新通知为准。</p>'
        : '';
  const progress = [recipient.receivedAt ? `✓ 已收到 ${when(recipient.receivedAt)}` : '', recipient.doneAt ? `✓ 已落实 ${when(recipient.doneAt)}${recipient.doneNote ? `：${escapeHtml(recipient.doneNote)}` : ''}` : '']
    .filter(Boolean)
    .map((line) => `<p class="ok">${line}</p>`)
    .join('');
  const open = page.state !== 'expired';
  const buttons = open
    ? `${recipient.receivedAt || !subject.asksReceived ? '' : '<button id="r" class="big">收到</button>'}
${recipient.doneAt ? '' : `<label>落实情况（可选）<textarea id="n" rows="3" maxlength="500"></textarea></label><label>照片（可选）<input id="p" type="file" accept="image/*" capture="environment"></label><button id="d" class="big done">已落实</button>`}
<p id="msg" aria-live="polite"></p>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(subject.headline)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#222}header{background:${subject.colour};color:#fff;padding:12px 16px}h1{font-size:20px;margin:0}main{padding:12px 16px}.big{display:block;width:100%;font-size:24px;padding:16px;margin:12px 0;border:0;border-radius:8px;background:#1565c0;color:#fff}.done{background:#2e7d32}textarea,input{width:100%;box-sizing:border-box;margin:4px 0 8px}.note{background:#fff3e0;padding:8px}.ok{color:#2e7d32;font-weight:bold}.pre{white-space:pre-line}header small{color:#fff;opacity:.9}</style></head>
<body><header>${subject.exercise ? '<strong>【演练】</strong>' : ''}<h1>${escapeHtml(subject.headline)}</h1><small>${escapeHtml(subject.meta)}</small></header>
<main><p>${escapeHtml(recipient.township)} ${escapeHtml(recipient.name)}：</p>${status}${subject.body.map((p) => `<p class="pre">${escapeHtml(p)}</p>`).join('')}${progress}
<form id="f" onsubmit="return false">${buttons}</form></main>${open ? `<script nonce="${nonce}">${SCRIPT}</script>` : ''}</body></html>`;
}
