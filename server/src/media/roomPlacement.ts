/**
 * Where a room may be opened, when several nodes share conferences: a room
 * lives on exactly one node (cluster/roomLeases.ts keeps that in Redis). On a
 * single node there is none, and every room opens here.
 */
export interface RoomPlacement {
  /** Takes the room for this node before its router opens; throws a SamplanError when another live node holds it. */
  claim(roomId: string): Promise<void>;
  /** The room closed here: another node may take it. */
  release(roomId: string): void;
}
