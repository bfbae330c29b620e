# shape: reach: ops re-exported through a package __init__ star import, job in another module
