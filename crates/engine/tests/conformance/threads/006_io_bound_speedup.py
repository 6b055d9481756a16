# Three threads each sleeping 1 s finish together: about 1 s, not 3 s.
import threading
import time

def download(n):
    time.sleep(1)
    print("downloaded", n)

start = time.perf_counter()
threads = [threading.Thread(target=download, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"took {time.perf_counter() - start:.2f} s")
