# Repeating a sequence by a big int raises OverflowError.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: 'x' * 2**70)
show(lambda: [0] * 2**70)
print('ab' * (2**70 - 2**70 + 2))
