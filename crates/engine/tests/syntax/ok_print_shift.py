print >>f, x
