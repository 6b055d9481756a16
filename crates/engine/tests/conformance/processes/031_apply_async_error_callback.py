# apply_async's error_callback receives the exception; get() raises it.
import multiprocessing as mp

errors = []


def divide(a, b):
    return a / b


if __name__ == "__main__":
    with mp.Pool(1) as pool:
        r = pool.apply_async(divide, (1, 0), error_callback=errors.append)
        try:
            r.get()
        except ZeroDivisionError as e:
            print("get raised:", e)
        print(r.successful())
    print([type(e).__name__ for e in errors])
