# Pool checks its arguments: processes >= 1, a callable initializer.
import multiprocessing as mp

if __name__ == "__main__":
    for kwargs in ({"processes": 0}, {"processes": -2}, {"initializer": 5}):
        try:
            mp.Pool(**kwargs)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
