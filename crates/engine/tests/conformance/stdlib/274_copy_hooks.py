# __copy__ and __deepcopy__ hooks decide how an object is copied; the memo is passed along
import copy
class Conn:
    def __init__(self, name):
        self.name = name
    def __copy__(self):
        print("__copy__ called")
        return Conn(self.name + "-copy")
    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return Conn(self.name + "-deep")
c = Conn("db")
print(copy.copy(c).name, copy.deepcopy(c).name)
print([x.name for x in copy.deepcopy([c, c])])
