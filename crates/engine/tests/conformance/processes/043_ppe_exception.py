# An exception in a ProcessPoolExecutor job is re-raised by result(), caused by a _RemoteTraceback.
from concurrent.futures import ProcessPoolExecutor


def fail(x):
    raise KeyError(x)


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as ex:
        fut = ex.submit(fail, "missing")
        try:
            fut.result()
        except KeyError as e:
            print("caught", repr(e))
            print(type(e.__cause__))
            print(e.__cause__)
        print(repr(fut.exception()))
