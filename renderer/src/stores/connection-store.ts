/** Whether the renderer can reach the services (web host WebSocket; IPC is always up). */
import { create } from 'zustand';

export const useConnectionStore = create<{ connected: boolean }>(() => ({ connected: true }));
