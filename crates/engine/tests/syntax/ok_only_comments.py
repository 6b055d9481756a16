# nothing here

# at all
