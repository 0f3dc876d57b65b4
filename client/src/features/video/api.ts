import { CAMERA_ROUTES } from '@shared/routes/cameras';
import type { CameraCreate, CameraUpdate } from '@shared/schemas/camera';
import { callRoute } from '../../shell/api/routeClient';

export const camerasApi = {
  list: () => callRoute(CAMERA_ROUTES.list, {}),
  create: (input: CameraCreate) => callRoute(CAMERA_ROUTES.create, { body: input }),
  update: (id: string, patch: CameraUpdate) => callRoute(CAMERA_ROUTES.update, { params: { id }, body: patch }),
  remove: (id: string) => callRoute(CAMERA_ROUTES.remove, { params: { id } }),
};
