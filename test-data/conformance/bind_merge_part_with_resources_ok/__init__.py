# shape: binding-site: a part with its own resources= needing a key another part binds (trap)
