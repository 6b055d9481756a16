# int.to_bytes errors match CPython.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: (2**70).to_bytes(2, 'big'))
show(lambda: (-1).to_bytes(2, 'big'))
show(lambda: (128).to_bytes(1, 'big', signed=True))
show(lambda: (1).to_bytes(1, 'middle'))
