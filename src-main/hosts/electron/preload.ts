import { contextBridge } from 'electron';
contextBridge.exposeInMainWorld('sportello', {});
