// Placeholder page: built with Component() so miniprogram-simulate can load it.
Component({
  data: {},
});
