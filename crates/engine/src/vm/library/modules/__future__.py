annotations = True
generator_stop = True
division = True
print_function = True
absolute_import = True
