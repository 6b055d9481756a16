# int() parse errors for long invalid strings.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: int('12' * 20 + 'x'))
show(lambda: int('1_' * 30))
show(lambda: int('0x' + 'g' * 20, 16))
show(lambda: int('9' * 30, 8))
