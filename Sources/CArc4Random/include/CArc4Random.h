// No declarations: the target only defines arc4random for the static libstdc++ (see arc4random.c).
