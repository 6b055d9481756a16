def outer():
    x = 1
    def middle():
        def inner():
            nonlocal x
            x += 1
        class C:
            y = x
        return inner
    lam = lambda: (yield)
    return middle
