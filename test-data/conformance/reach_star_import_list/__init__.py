# shape: reach: assets named in a list after a star import of their module
