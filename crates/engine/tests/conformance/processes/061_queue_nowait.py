# Queue.get_nowait on an empty queue raises queue.Empty; put_nowait on a full one queue.Full.
import multiprocessing as mp
import queue

if __name__ == "__main__":
    q = mp.Queue(maxsize=2)
    try:
        q.get_nowait()
    except queue.Empty:
        print("empty")
    q.put_nowait("a")
    q.put_nowait("b")
    try:
        q.put_nowait("c")
    except queue.Full:
        print("full")
    print(q.get(), q.get())
