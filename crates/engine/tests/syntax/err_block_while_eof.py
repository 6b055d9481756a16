while True:

