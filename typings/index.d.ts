// Global declarations of the mini-program (its wx types come from miniprogram-api-typings in tsconfig.json).

interface IAppOption {
  globalData: Record<string, never>;
}
