import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// What a station chart draws: loaded with the chart (the desk's detail), not with the map.
echarts.use([GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, BarChart, LineChart, CanvasRenderer]);

export { echarts };
