using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Where a build's memory is allocated, from an EventPipe trace of the runtime's allocation ticks (one every ~100 KB,
// with its call stack), by type and by the first CchcPortal frame on the stack, then inclusive by CchcPortal frame:
//
//   dotnet tool install -g dotnet-trace
//   dotnet-trace collect --providers "Microsoft-Windows-DotNETRuntime:0x1:5" -o alloc.nettrace -- path/to/cchc build ...
//   dotnet run -c Release --project bench/alloc -- alloc.nettrace
//
// Trace a JIT build (dotnet build -c Release): Native AOT binaries have no managed symbols in the trace.
if (args.Length != 1) { Console.Error.WriteLine("usage: alloc TRACE.nettrace"); return 2; }
using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
var byType = new Dictionary<string, double>();
var byFirstFrame = new Dictionary<string, double>();
var byFrame = new Dictionary<string, double>();
var large = new Dictionary<string, double>(); // the large object heap: each of its allocations counts toward a gen 2 collection
double total = 0;
var gcs = new List<string>();
double pauseStart = 0;
foreach (var ev in log.Events)
{
    // Each collection: generation, reason, and the pause it made (suspension to restart).
    if (ev is GCStartTraceData start)
        gcs.Add($"{start.TimeStampRelativeMSec,9:0.0} ms  gc {start.Count,3}  gen {start.Depth}  {start.Type,-20} {start.Reason}");
    else if (ev is GCSuspendEETraceData) pauseStart = ev.TimeStampRelativeMSec;
    else if (ev is GCNoUserDataTraceData && ev.EventName.Contains("RestartEEStop", StringComparison.Ordinal) && gcs.Count > 0 && pauseStart > 0)
    {
        gcs[^1] += $"  pause {ev.TimeStampRelativeMSec - pauseStart:0.0} ms";
        pauseStart = 0;
    }
    if (ev is not GCAllocationTickTraceData tick) continue;
    var amount = (double)tick.AllocationAmount64;
    total += amount;
    Add(byType, tick.TypeName, amount);
    var seen = new HashSet<string>();
    var first = true;
    for (var frame = ev.CallStack(); frame is not null; frame = frame.Caller)
    {
        var method = frame.CodeAddress.FullMethodName;
        if (string.IsNullOrEmpty(method) || !method.Contains("CchcPortal", StringComparison.Ordinal)) continue;
        if (first)
        {
            Add(byFirstFrame, $"{tick.TypeName} <- {method}", amount);
            if (tick.AllocationKind == GCAllocationKind.Large) Add(large, $"{tick.TypeName} <- {method}", amount);
            first = false;
        }
        if (seen.Add(method)) Add(byFrame, method, amount);
    }
}
Console.WriteLine($"allocated {total / 1048576:0} MB (sampled)");
Console.WriteLine("== collections");
foreach (var gc in gcs) Console.WriteLine(gc);
Print("by type", byType, 15);
Print("by type and the first CchcPortal frame", byFirstFrame, 50);
Print("inclusive, by CchcPortal frame", byFrame, 50);
Print("large objects (85,000 bytes or more), by type and the first CchcPortal frame", large, 20);
return 0;

static void Add(Dictionary<string, double> d, string key, double amount) => d[key] = d.GetValueOrDefault(key) + amount;

static void Print(string title, Dictionary<string, double> d, int rows)
{
    Console.WriteLine($"== {title}");
    foreach (var (key, mb) in d.OrderByDescending(x => x.Value).Take(rows))
        Console.WriteLine($"{mb / 1048576,8:0.0} {(key.Length > 200 ? key[..200] : key)}");
}
