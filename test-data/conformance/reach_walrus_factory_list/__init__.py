# shape: reach: factory results named by walrus inside list displays, the lists star-unpacked into assets=
