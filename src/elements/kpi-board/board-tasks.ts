/**
 * The board's two async jobs, as `@lit/task` tasks over its engine (board-engine.ts): the load
 * of the data from the source, and the report of the current query over the loaded data. The
 * element keeps what they produce (its reactive state) and says what to do with it through
 * {@link BoardTaskEvents}.
 */
import type { ReactiveControllerHost } from 'lit';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { Report, ReportOptions, SegmentQuery } from '../../engine/report-types.js';
import { errorText } from '../shared/export-action.js';
import {
  BoardEngine,
  type BoardEngineEvents,
  type BoardSource,
  type DataInput,
  type DataSummary,
  type WorkerMode,
} from './board-engine.js';

/**
 * What the tasks read from the board and hand back to it: the engine's events (the data
 * changed, the live subscription opened or closed, a load, append or report failed: the last
 * good data stays), which the engine calls directly, and these.
 */
export interface BoardTaskEvents extends BoardEngineEvents {
  /** The loaded data's summary, or null before the first load. */
  loaded(): DataSummary | null;
  /** The query the board shows now. */
  query(): ReportOptions;
  /** The report of the current query is computed. */
  onReport(report: Report): void;
}

export class BoardTasks {
  private readonly engine: BoardEngine;
  /**
   * The load of the data from the source: run by `load()`; a newer run ends the older one
   * and drops its result, and a failing load is said once, through the board's one failure
   * path (the last good data stays on screen).
   */
  private readonly loadTask: Task<readonly [BoardSource, ReportOptions, string], void>;
  /**
   * The report of the current query over the loaded data: run again when either changes (the
   * data's `version`: a warehouse's summary that a report grew keeps it, so it asks for no new
   * report); a result that a newer query or newer data overtook is dropped (the task keeps the
   * latest run, and a warehouse request it overtook is ended by the task's signal).
   */
  private readonly reportTask: Task<readonly [number | null, string], Report>;

  constructor(host: ReactiveControllerHost, events: BoardTaskEvents) {
    this.engine = new BoardEngine(events);
    this.loadTask = new Task(host, {
      autoRun: false,
      task: ([source, query, zone]: readonly [BoardSource, ReportOptions, string], { signal }) =>
        this.engine.load(source, query, zone, signal),
      onError: (error) => events.onError(errorText(error), error),
    });
    this.reportTask = new Task(host, {
      args: () => [events.loaded()?.version ?? null, JSON.stringify(events.query())] as const,
      task: ([version, key], { signal }) =>
        version !== null ? this.engine.compute(JSON.parse(key) as ReportOptions, signal) : initialState,
      onComplete: (report) => events.onReport(report),
      onError: (error) => events.onError(errorText(error), error),
    });
  }

  /** Whether a report is being computed. */
  get computing(): boolean {
    return this.reportTask.status === TaskStatus.PENDING;
  }

  /** Where and how to compute: the board's `worker` and `worker-url`. */
  setWorker(mode: WorkerMode, url: string): void {
    this.engine.workerMode = mode;
    this.engine.workerUrl = url;
  }

  /** Loads the data from the source (a newer load ends the older one). */
  load(source: BoardSource, query: ReportOptions, zone: string): void {
    void this.loadTask.run([source, query, zone]);
  }

  /** Ends the load, streams and the worker (the board left the page). */
  stop(): void {
    this.loadTask.abort();
    this.engine.stop();
  }

  /** Appends records to the data; the report is updated incrementally. */
  append(records: DataInput): void {
    this.engine.append(records);
  }

  /** Whether a segment's customers can be listed (see `BoardEngine.canListCustomers`). */
  get canListCustomers(): boolean {
    return this.engine.canListCustomers;
  }

  /** Lists a segment's customers for the query the widgets were given. */
  segmentLister(query: ReportOptions): (segment: SegmentQuery) => Promise<string[]> {
    return (segment) => this.engine.segmentCustomers(query, segment);
  }
}
