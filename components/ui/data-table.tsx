import type { HTMLAttributes, ReactNode, Ref, TdHTMLAttributes } from "react";
import { cn } from "./cn";
import { Table, Td, Th } from "./table";

/** One column of a DataTable: its header, and how a row fills its cell. */
export type TColumn<T> = {
  /** Tells the columns apart; unique within a table. */
  key: string;
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** Counts and amounts are right-aligned, header included. */
  align?: "left" | "right";
  /**
   * The class of the column's <col> (its width). A table whose columns set widths gets a colgroup
   * and a fixed layout, so the widths hold whatever the content.
   */
  width?: string;
  /** Less padding at the sides, for a run of short numbers. */
  narrow?: boolean;
  /** Classes of every cell of the column. */
  className?: string;
  /** Attributes of one row's cell (a title, classes that depend on the row). */
  cellProps?: (row: T) => TdHTMLAttributes<HTMLTableCellElement>;
  headerClassName?: string;
  /** Hover text of the header, for a header that abbreviates. */
  headerTitle?: string;
};

type TRowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined };

/**
 * A table from a list of columns: th scope="col" headers, one row per item, the same padding and
 * dividers everywhere. Server-component friendly (no state); a client component may use it too.
 * A column given as `false` or `null` is left out, for columns only some viewers get.
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  rowProps,
  caption,
  valign = "middle",
  className,
  wrapperClassName,
  headClassName,
  bodyClassName,
  testId,
  tableRef,
}: {
  columns: readonly (TColumn<T> | false | null)[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  /** Attributes of a row: an id to link to, data attributes, classes that depend on the row. */
  rowProps?: (row: T, index: number) => TRowAttributes;
  /** The table's name, read by screen readers only. */
  caption?: string;
  /** Rows whose cells hold several lines read better aligned to the top. */
  valign?: "top" | "middle";
  className?: string;
  wrapperClassName?: string;
  /** Classes of the thead (e.g. "sr-only" where each cell says what it is, "whitespace-nowrap"). */
  headClassName?: string;
  bodyClassName?: string;
  testId?: string;
  tableRef?: Ref<HTMLTableElement>;
}) {
  const shown = columns.filter((c): c is TColumn<T> => Boolean(c));
  const widths = shown.some((c) => c.width);
  return (
    <Table
      ref={tableRef}
      className={cn(widths && "table-fixed", className)}
      wrapperClassName={wrapperClassName}
      data-testid={testId}
    >
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      {widths ? (
        <colgroup>
          {shown.map((c) => (
            <col key={c.key} className={c.width} />
          ))}
        </colgroup>
      ) : null}
      <thead className={headClassName}>
        <tr>
          {shown.map((c) => (
            <Th
              key={c.key}
              title={c.headerTitle}
              className={cn(c.align === "right" && "text-right", c.narrow && "px-2", c.headerClassName)}
            >
              {c.header}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody className={cn("divide-y divide-slate-100", bodyClassName)}>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} {...rowProps?.(row, index)}>
            {shown.map((c) => {
              const { className, ...props } = c.cellProps?.(row) ?? {};
              return (
                <Td
                  key={c.key}
                  {...props}
                  className={cn(
                    valign === "top" && "align-top",
                    c.align === "right" && "text-right tabular-nums",
                    c.narrow && "px-2",
                    c.className,
                    className,
                  )}
                >
                  {c.cell(row, index)}
                </Td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
