try:
  pass


