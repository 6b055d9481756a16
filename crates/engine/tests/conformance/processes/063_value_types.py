# Value and Array with different type codes, and what they print.
import multiprocessing as mp

if __name__ == "__main__":
    print(mp.Value("d", 1.5))
    print(mp.Value("i"))
    v = mp.Value("i", 7)
    v.value += 3
    print(v.value)
    a = mp.Array("i", [1, 2, 3])
    a[0:2] = [9, 8]
    print(a[:], a[1], sum(a))
    try:
        v.value = 1.5
    except TypeError as e:
        print("TypeError:", e)
