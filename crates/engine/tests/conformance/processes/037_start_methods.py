# The start method: spawn here; setting it twice needs force=True.
import multiprocessing as mp

if __name__ == "__main__":
    print(mp.get_start_method())
    try:
        mp.set_start_method("spawn")
    except RuntimeError as e:
        print("RuntimeError:", e)
    mp.set_start_method("spawn", force=True)
    print(mp.get_start_method())
