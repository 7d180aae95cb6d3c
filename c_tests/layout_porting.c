/* Sizes and offsets (Windows x64) of the structures the porting headers add: kernel32's SYSTEM_INFO and
 * WIN32_FILE_ATTRIBUTE_DATA, the thread pool's callback environment. A header typo fails the build; the
 * program itself only reports. (The Rust side checks the same structures against windows-sys.) */
#include <stddef.h>
#include <stdio.h>
#include <windows.h>

_Static_assert(sizeof(SYSTEM_INFO) == 48, "SYSTEM_INFO size");
_Static_assert(offsetof(SYSTEM_INFO, dwPageSize) == 4, "SYSTEM_INFO.dwPageSize");
_Static_assert(offsetof(SYSTEM_INFO, lpMinimumApplicationAddress) == 8, "SYSTEM_INFO.lpMinimumApplicationAddress");
_Static_assert(offsetof(SYSTEM_INFO, dwActiveProcessorMask) == 24, "SYSTEM_INFO.dwActiveProcessorMask");
_Static_assert(offsetof(SYSTEM_INFO, dwNumberOfProcessors) == 32, "SYSTEM_INFO.dwNumberOfProcessors");
_Static_assert(offsetof(SYSTEM_INFO, dwAllocationGranularity) == 40, "SYSTEM_INFO.dwAllocationGranularity");
_Static_assert(offsetof(SYSTEM_INFO, wProcessorRevision) == 46, "SYSTEM_INFO.wProcessorRevision");
_Static_assert(sizeof(WIN32_FILE_ATTRIBUTE_DATA) == 36, "WIN32_FILE_ATTRIBUTE_DATA size");
_Static_assert(offsetof(WIN32_FILE_ATTRIBUTE_DATA, ftLastWriteTime) == 20, "WIN32_FILE_ATTRIBUTE_DATA.ftLastWriteTime");
_Static_assert(offsetof(WIN32_FILE_ATTRIBUTE_DATA, nFileSizeLow) == 32, "WIN32_FILE_ATTRIBUTE_DATA.nFileSizeLow");
_Static_assert(sizeof(TP_CALLBACK_ENVIRON_V3) == 72, "TP_CALLBACK_ENVIRON_V3 size");
_Static_assert(offsetof(TP_CALLBACK_ENVIRON_V3, Pool) == 8, "TP_CALLBACK_ENVIRON_V3.Pool");
_Static_assert(offsetof(TP_CALLBACK_ENVIRON_V3, FinalizationCallback) == 48, "TP_CALLBACK_ENVIRON_V3.FinalizationCallback");
_Static_assert(offsetof(TP_CALLBACK_ENVIRON_V3, u) == 56, "TP_CALLBACK_ENVIRON_V3.u");
_Static_assert(offsetof(TP_CALLBACK_ENVIRON_V3, CallbackPriority) == 60, "TP_CALLBACK_ENVIRON_V3.CallbackPriority");
_Static_assert(offsetof(TP_CALLBACK_ENVIRON_V3, Size) == 64, "TP_CALLBACK_ENVIRON_V3.Size");

int main(void)
{
    TP_CALLBACK_ENVIRON env;
    InitializeThreadpoolEnvironment(&env);
    SetThreadpoolCallbackRunsLong(&env);
    SetThreadpoolCallbackPersistent(&env);
    int ok = env.Version == 3 && env.u.Flags == 3 && env.Size == sizeof env && env.CallbackPriority == TP_CALLBACK_PRIORITY_NORMAL;
    printf("layout_porting: %d passed, %d failed\n", ok, !ok);
    return !ok;
}
