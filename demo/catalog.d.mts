// Types of demo/catalog.mjs for TypeScript callers (end-to-end tests).
export interface DemoUser {
  name: string;
  nickname: string;
  password: string;
  role: 'owner' | 'admin' | 'participant';
}

export interface DemoTask {
  list: string | null;
  name: string;
  description?: string;
  order: number;
  done?: boolean;
}

export interface DemoVideo {
  id: number;
  uuid: string;
  shortUUID: string;
  name: string;
  description: string;
  isLive: boolean;
  chat: boolean;
  /** room bare JID, null without chat */
  room: string | null;
  tasks: DemoTask[];
  chatMessages: [string, string][];
  channel: { id: number; name: string; displayName: string; host: string };
}

export declare const DOMAIN: string;
export declare const MUC_DOMAIN: string;
export declare const USERS: DemoUser[];
export declare function userByName(name: string): DemoUser | undefined;
export declare function backendUsers(): { username: string; password: string }[];
export declare function shortUUID(uuid: string): string;
export declare const VIDEOS: DemoVideo[];
export declare function videoById(id: string): DemoVideo | undefined;
export declare const LIVE_VIDEO: DemoVideo;
export declare const SECOND_LIVE_VIDEO: DemoVideo;
export declare const VIDEO_WITHOUT_CHAT: DemoVideo;
