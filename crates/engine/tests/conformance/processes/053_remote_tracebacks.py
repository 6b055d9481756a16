# Where each kind of pool job's RemoteTraceback starts: PPE map chunks, starmap, apply, imap.
from concurrent.futures import ProcessPoolExecutor
def fail(x):
    raise KeyError(x)
if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as ex:
        try:
            list(ex.map(fail, [1, 2], chunksize=1))
        except KeyError as e:
            print(e.__cause__)
    import multiprocessing as mp
    with mp.Pool(1) as p:
        try:
            p.starmap(fail, [(1,)])
        except KeyError as e:
            print(e.__cause__)
        try:
            p.apply(fail, (1,))
        except KeyError as e:
            print(e.__cause__)
        try:
            list(p.imap(fail, [1]))
        except KeyError as e:
            print(e.__cause__)
