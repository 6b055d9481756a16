# Copies keep types, shared references and cycles (as pickle's memo does).
import multiprocessing as mp


def show(value):
    shared, cyclic, mixed = value
    print(shared[0] is shared[1], cyclic, cyclic[0] is cyclic)
    print(mixed)
    print(sorted(type(x).__name__ for x in mixed))


if __name__ == "__main__":
    inner = [1, 2]
    cyclic = []
    cyclic.append(cyclic)
    mixed = (None, True, 1.5, "s", b"b", frozenset({3}), {4}, range(3), (5, [6]))
    p = mp.Process(target=show, args=((([inner, inner], cyclic, mixed)),))
    p.start()
    p.join()
