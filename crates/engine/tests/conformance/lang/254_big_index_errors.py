# Indexing with a big int raises CPython's IndexError.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: [1, 2][2**64])
show(lambda: [1, 2][-2**64])
show(lambda: 'ab'[2**100])
show(lambda: (1,)[2**63])
