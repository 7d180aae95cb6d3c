// wmain without parameters, in C++: its return value is the exit status.
int wmain()
{
    return 7;
}
