# shape: reach: assets built by a factory function of another module
