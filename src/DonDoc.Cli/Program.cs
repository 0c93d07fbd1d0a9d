using System.Text;
using DonDoc.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;
return await DonDocCommandLine.Build().Parse(args).InvokeAsync();
