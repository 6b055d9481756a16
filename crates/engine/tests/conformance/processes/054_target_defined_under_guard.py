# A target defined under the __main__ guard does not exist in the child (re-run as __mp_main__): the child fails to find it.
import multiprocessing as mp

if __name__ == "__main__":

    def work(x):
        return x

    p = mp.Process(target=work, args=(1,))
    p.start()
    p.join()
    print("exitcode", p.exitcode)
