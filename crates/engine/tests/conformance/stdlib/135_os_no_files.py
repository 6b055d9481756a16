# There are no files in the playground: exists() is False and file operations raise PermissionError
import os
print(os.path.exists("/"), os.path.exists("data.csv"), os.path.isfile("a"), os.path.isdir("/home"), os.path.islink("l"))
for f, args in ((os.listdir, ("/",)), (os.listdir, ()), (os.mkdir, ("out",)), (os.makedirs, ("a/b",)), (os.remove, ("x.txt",)),
                (os.unlink, ("y",)), (os.rmdir, ("d",)), (os.rename, ("a", "b")), (os.chdir, ("/tmp",))):
    try:
        f(*args)
    except PermissionError as e:
        print(f.__name__, "PermissionError", e)
