# A result that cannot be pickled comes back as MaybeEncodingError.
import multiprocessing as mp


def make_gen(n):
    return (i for i in range(n))


if __name__ == "__main__":
    with mp.Pool(1) as pool:
        try:
            pool.apply(make_gen, (3,))
        except Exception as e:
            print(type(e).__name__)
            print(e)
