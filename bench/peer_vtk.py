"""The Python VTK peer of `lesion-atlas render` (bench/compare_peers.py): read a glTF body, draw it
once offscreen at the given size with VTK's defaults, write a PNG. What any VTK program pays for
one picture of this mesh.

    python3 bench/peer_vtk.py MESH.glb OUT.png WIDTH HEIGHT [--transparent]
"""
import sys

import vtk

mesh, out, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
transparent = "--transparent" in sys.argv[5:]

reader = vtk.vtkGLTFReader()
reader.SetFileName(mesh)
reader.Update()
geometry = vtk.vtkCompositeDataGeometryFilter()
geometry.SetInputConnection(reader.GetOutputPort())
mapper = vtk.vtkPolyDataMapper()
mapper.SetInputConnection(geometry.GetOutputPort())
actor = vtk.vtkActor()
actor.SetMapper(mapper)
renderer = vtk.vtkRenderer()
renderer.AddActor(actor)
renderer.ResetCamera()
window = vtk.vtkRenderWindow()
window.SetOffScreenRendering(1)
window.SetAlphaBitPlanes(1)
window.SetSize(width, height)
window.AddRenderer(renderer)
window.Render()
grab = vtk.vtkWindowToImageFilter()
grab.SetInput(window)
grab.SetInputBufferType(vtk.VTK_RGBA if transparent else vtk.VTK_RGB)
grab.ReadFrontBufferOff()
writer = vtk.vtkPNGWriter()
writer.SetFileName(out)
writer.SetInputConnection(grab.GetOutputPort())
writer.Write()
