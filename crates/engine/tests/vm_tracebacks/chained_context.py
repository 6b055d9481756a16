if True:
    print(1 2)
