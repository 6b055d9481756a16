# ProcessPoolExecutor.map yields results in input order, with or without chunks.
from concurrent.futures import ProcessPoolExecutor


def shout(word, times):
    return word.upper() * times


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=3) as ex:
        print(list(ex.map(shout, ["a", "b", "c"], [1, 2, 3])))
        print(list(ex.map(abs, range(-5, 0), chunksize=2)))
