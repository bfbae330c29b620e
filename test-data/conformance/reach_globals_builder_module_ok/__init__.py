# shape: reach: a builder of another module keeps globals() by class: every key bound, a definition made after the call is not kept
