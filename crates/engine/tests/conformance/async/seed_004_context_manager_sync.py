# Seed: 004_ba5992cb7ab2e48a.txt, the synchronous context manager (Manager).
class Manager(object):
    def __enter__(self):
        print('entering context')

    def __exit__(self, exc_type, exc_value, traceback):
        print('exiting context')


with Manager():
    print('in context')
