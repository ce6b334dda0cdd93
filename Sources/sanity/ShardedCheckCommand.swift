import ArgumentParser
import Foundation
import SanityChecker

/// The options every sharded check command ends with, in their help order: the check's, the
/// methods', `--shard` and the common ones.
struct ShardedCheckOptions: ParsableArguments {
  @OptionGroup var checkOptions: CheckOptions
  @OptionGroup var methodOptions: MethodOptions
  @OptionGroup var shardOptions: ShardOptions
  @OptionGroup var common: CommonOptions
}

/// A check command whose shards (`--shard K/N`) write per-item values that `sanity merge`
/// summarizes with the command's own settings.
protocol ShardedCheckCommand: ParsableCommand {
  /// The check's, methods', shard and common options (`--output` is set to the merged file).
  var options: ShardedCheckOptions { get set }
  /// The files the command reads (a merged file may not replace them).
  var readFiles: [String?] { get }
  /// The report of the joined parts, with the settings the unsharded command adds.
  /// - Parameter part: The joined parts.
  /// - Returns: The report the unsharded command writes.
  /// - Throws: The check's errors, or a model file's.
  func mergedReport(_ part: CheckPart) throws -> CheckReport
}

extension ShardedCheckCommand {
  /// The check's options.
  var checkOptions: CheckOptions { options.checkOptions }
  /// The methods' options.
  var methodOptions: MethodOptions { options.methodOptions }
  /// `--shard`.
  var shardOptions: ShardOptions { options.shardOptions }
  /// The options every subcommand accepts.
  var common: CommonOptions { options.common }

  /// With `--shard K/N`, scores block K of the input with `part` and writes the part file.
  /// - Parameters:
  ///   - inputOptions: The `--input` options.
  ///   - modelOptions: The `--model` options.
  ///   - targets: The `--target` options, or `nil` for the predicted class.
  ///   - command: The command's name for the manifest (`check class`).
  ///   - part: The check's part of a block.
  /// - Returns: Whether a shard was written (the command is then done); `false` without
  ///   `--shard`.
  /// - Throws: A flag, input or output error, or the check's errors.
  func writeShardPart(
    _ inputOptions: InputOptions, _ modelOptions: ModelOptions, targets: TargetOptions?,
    command: String, part: (CheckBlock) throws -> CheckPart
  ) throws -> Bool {
    guard let shard = try shardOptions.parsed() else { return false }
    let destination = try shardOptions.checkPartDestination(checkOptions, inputs: readFiles)
    let block = try shardOptions.checkBlock(
      inputOptions, modelOptions, targets: targets, shard: shard)
    try shardOptions.write(try part(block), command: command, to: destination, quiet: common.quiet)
    return true
  }
}
