// wxerr mini-program: everything runs on the bundled catalog; no network is used.
App<IAppOption>({
  globalData: {},
});
