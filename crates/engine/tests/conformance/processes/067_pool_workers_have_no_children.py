# Pool workers are daemonic: they may not start processes of their own.
import multiprocessing as mp


def nested():
    p = mp.Process(target=print)
    p.start()


if __name__ == "__main__":
    with mp.Pool(1) as pool:
        try:
            pool.apply(nested)
        except AssertionError as e:
            print("AssertionError:", e)
