# Queues and locks reach other processes only by inheritance, not as pool arguments.
import multiprocessing as mp


def use(obj):
    return str(obj)


if __name__ == "__main__":
    with mp.Pool(1) as pool:
        for obj in (mp.Queue(), mp.Lock(), mp.Value("i", 1)):
            try:
                pool.apply(use, (obj,))
            except RuntimeError as e:
                print("RuntimeError:", e)
