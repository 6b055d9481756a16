# This file starts with a byte-order mark.
print("bom ok")
